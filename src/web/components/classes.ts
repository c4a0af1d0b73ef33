/** A class attribute from a base class and modifiers that apply in some states. */
export function classes(...names: Array<string | false | undefined>): string {
  return names.filter(Boolean).join(' ');
}
