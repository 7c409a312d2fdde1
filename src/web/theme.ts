import { createTheme, PasswordInput, type CSSVariablesResolver, type MantineThemeOverride } from '@mantine/core';

/** Japanese fonts first, so kanji and kana never fall back to a Chinese glyph set. */
export const FONT_STACK = '"Noto Sans CJK JP", "Noto Sans JP", "Hiragino Kaku Gothic ProN", "Hiragino Sans", "Yu Gothic", YuGothic, Meiryo, system-ui, sans-serif';

export const theme = createTheme({
  fontFamily: FONT_STACK,
  fontFamilyMonospace: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK JP", monospace',
  headings: { fontFamily: FONT_STACK, fontWeight: '700' },
  primaryColor: 'indigo',
  // Shade 8 keeps white text on filled buttons at 4.5:1 or more (WCAG 2.2 AA): indigo 5.7, red 4.5.
  primaryShade: 8,
  defaultRadius: 'md',
  focusRing: 'auto',
  lineHeights: { md: '1.7' },
  components: {
    Anchor: { defaultProps: { underline: 'always' } },
  },
});

/**
 * The theme with the accessible names Mantine would otherwise give in English
 * ("Toggle password visibility"): built again when the language changes.
 */
export function localisedTheme(t: (key: string) => string): MantineThemeOverride {
  return {
    ...theme,
    components: {
      ...theme.components,
      PasswordInput: PasswordInput.extend({ defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('common.showPassword') } } }),
    },
  };
}

/**
 * Contrast (WCAG 2.2 AA, 4.5:1 for text): Mantine's "dimmed" grey (3.3:1 on
 * white) and the text of some light variants (alerts, badges, subtle buttons;
 * yellow 2.7:1, orange 3.6:1, teal 4.3:1 on their tint) are darkened here.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    '--mantine-color-placeholder': t.colors.gray[6],
    '--mantine-color-teal-light-color': '#06604a',
    '--mantine-color-green-light-color': '#1f6b2a',
    '--mantine-color-red-light-color': '#a51d1d',
    '--mantine-color-yellow-light-color': '#7c4a03',
    '--mantine-color-orange-light-color': '#7c4a03',
  },
  dark: {},
});
