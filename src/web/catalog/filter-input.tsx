import { TextInput, type TextInputProps } from '@mantine/core';

type FilterInputProps = Omit<TextInputProps, 'value' | 'onChange' | 'type'> & { value: string; onChange: (value: string) => void };

/** The box that narrows a knowledge base list as one types (a collection's items, the glossary's terms). */
export function FilterInput({ value, onChange, ...input }: FilterInputProps) {
  return <TextInput {...input} value={value} onChange={(e) => onChange(e.currentTarget.value)} type="search" />;
}
