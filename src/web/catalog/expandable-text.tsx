import { Anchor, Text } from '@mantine/core';
import { type ReactNode, useId, useLayoutEffect, useRef, useState } from 'react';

interface ExpandableTextProps {
  children: ReactNode;
  /** Lines shown before "show more". */
  lines?: number;
  showLabel: string;
  hideLabel: string;
  /** Accessible names of the button, naming what it opens. */
  showAriaLabel: string;
  hideAriaLabel: string;
}

/**
 * A long explanation cut to a few lines, with a button after it (so reading
 * and tab order stay text first) that only appears when something is cut.
 */
export function ExpandableText({ children, lines = 3, showLabel, hideLabel, showAriaLabel, hideAriaLabel }: ExpandableTextProps) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [expanded, setExpanded] = useState(false);
  const [cut, setCut] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && !expanded) setCut(el.scrollHeight > el.clientHeight + 1);
  }, [children, expanded, lines]);
  return (
    <div>
      <Text size="sm" className="kb-detail" lineClamp={expanded ? undefined : lines} ref={ref} id={id}>
        {children}
      </Text>
      {cut || expanded ? (
        <Anchor
          component="button"
          type="button"
          size="sm"
          underline="hover"
          aria-expanded={expanded}
          aria-controls={id}
          aria-label={expanded ? hideAriaLabel : showAriaLabel}
          onClick={() => setExpanded((v) => !v)}
        >
          {expanded ? hideLabel : showLabel}
        </Anchor>
      ) : null}
    </div>
  );
}
