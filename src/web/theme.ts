import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/** Japanese fonts first, so kanji and kana never fall back to a Chinese glyph set. */
export const FONT_STACK = '"Noto Sans CJK JP", "Noto Sans JP", "Hiragino Kaku Gothic ProN", "Hiragino Sans", "Yu Gothic", YuGothic, Meiryo, system-ui, sans-serif';

export const theme = createTheme({
  fontFamily: FONT_STACK,
  fontFamilyMonospace: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK JP", monospace',
  headings: { fontFamily: FONT_STACK, fontWeight: '700' },
  primaryColor: 'indigo',
  // Shade 7 keeps white text on filled buttons above 4.5:1 (WCAG AA).
  primaryShade: 7,
  defaultRadius: 'md',
  focusRing: 'auto',
  lineHeights: { md: '1.7' },
  components: {
    Anchor: { defaultProps: { underline: 'always' } },
  },
});

/** Mantine's "dimmed" grey is below 4.5:1 on white; a darker grey keeps secondary text readable. */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: { '--mantine-color-dimmed': t.colors.gray[7], '--mantine-color-placeholder': t.colors.gray[6] },
  dark: {},
});
