import { Mark } from '@mantine/core';
import { highlightParts } from './knowledge.rules.ts';

/** The text with every occurrence of `q` marked (<mark>, which screen readers can announce as highlighted). */
export function Highlight({ text, q }: { text: string; q: string }) {
  return (
    <>
      {highlightParts(text, q).map((part, i) =>
        part.match ? (
          <Mark key={i} color="yellow" className="kb-mark">
            {part.text}
          </Mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}
