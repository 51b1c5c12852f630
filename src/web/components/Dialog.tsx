/**
 * A modal built on the native <dialog>: the browser traps focus, Escape closes it, and focus
 * returns to where it was.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';

export function Dialog(props: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ComponentChildren;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (props.open && !d.open) {
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    } else if (!props.open && d.open) {
      d.close();
    }
  }, [props.open]);
  return (
    <dialog ref={ref} aria-labelledby={id} onClose={() => props.onClose()} onCancel={() => props.onClose()}>
      {props.open && (
        <div class="dialog-body">
          <div class="row" style={{ justifyContent: 'space-between', alignItems: 'flex-start' }}>
            {/* Focus lands on the title, not a button: a key still being typed when the
                dialog opens (crisis help opens mid-draft) must not click anything. */}
            <h2 id={id} tabIndex={-1} autofocus>
              {props.title}
            </h2>
            <button type="button" class="secondary" onClick={() => props.onClose()}>
              Close
            </button>
          </div>
          {props.children}
        </div>
      )}
    </dialog>
  );
}
