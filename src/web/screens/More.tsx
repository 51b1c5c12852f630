/**
 * More (phones): every place that is not in the bottom tab bar, one tap away, in the order
 * of the journey, with Help and safety and the safety plan first.
 */
const GROUPS: readonly { title: string; links: readonly (readonly [string, string, string])[] }[] = [
  {
    title: 'Help and safety',
    links: [
      ['#/help', 'Help and safety', 'Crisis lines, when to see someone, the principles'],
      ['#/safety-plan', 'My safety plan', 'What to do in a hard moment, in your words'],
    ],
  },
  {
    title: 'Your journey',
    links: [
      ['#/reflect', 'Reflect', 'What happened, and your part in it'],
      ['#/grow', 'Grow', 'Habits and confidence'],
      ['#/decide', 'Decide', 'Is getting back together right for both of you?'],
      ['#/contacts', 'Contact log', 'Every exchange, and who reached out'],
      ['#/commitments', 'Commitments', 'Promises, and whether they were kept'],
    ],
  },
  {
    title: 'This app',
    links: [['#/settings', 'Settings', 'Theme, lock, reminder, your data, your account']],
  },
];

export default function More() {
  return (
    <div>
      <h1>More</h1>
      {GROUPS.map((g) => (
        <section class="card" key={g.title} aria-labelledby={`more-${g.title.replace(/\W+/g, '-')}`}>
          <h2 id={`more-${g.title.replace(/\W+/g, '-')}`}>{g.title}</h2>
          <ul class="plain more-links">
            {g.links.map(([href, label, what]) => (
              <li key={href}>
                <a href={href}>
                  <strong>{label}</strong>
                  <span class="small muted">{what}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
