/**
 * What the installed app shows when it cannot reach its server: what still works (SOS,
 * breathing, the safety plan kept on this device, the crisis lines) and, plainly, what
 * needs the server.
 */
import { sosOpen } from '../state.js';

export function OfflineHome() {
  return (
    <div>
      <h1>You are offline</h1>
      <p>
        Olive Branch cannot reach its server right now. Your journal, check-ins, the coach and your progress
        need it, and come back as soon as it answers. Nothing you saved is lost.
      </p>
      <section class="card" aria-labelledby="works-h">
        <h2 id="works-h">What works without it</h2>
        <ul class="plain more-links">
          <li>
            <button type="button" class="sos" onClick={() => (sosOpen.value = true)} aria-haspopup="dialog">
              SOS: a pause, breathing, and help now
            </button>
          </li>
          <li>
            <a href="#/safety-plan">
              <strong>My safety plan</strong>
              <span class="small muted">The copy kept on this device, encrypted</span>
            </a>
          </li>
          <li>
            <a href="#/help">
              <strong>Help and crisis lines</strong>
              <span class="small muted">Phone numbers to call or text</span>
            </a>
          </li>
        </ul>
      </section>
    </div>
  );
}
