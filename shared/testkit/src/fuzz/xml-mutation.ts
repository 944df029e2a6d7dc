import fc from 'fast-check';

/**
 * One edit of an XML text, by position choices that fit any text: `pick`
 * chooses among the matches (attributes, elements) or the offset, `text` is
 * what gets written. Works on the text, so it also makes XML that no longer
 * nests or escapes properly.
 */
export interface XmlMutation {
  readonly kind: 'truncate' | 'insert' | 'dropAttribute' | 'duplicateAttribute' | 'renameAttribute' | 'setAttribute' | 'dropElement' | 'duplicateElement' | 'renameElement' | 'dropEndTag';
  readonly pick: number;
  readonly text: string;
}

const junk = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('<', '>', '&', '&amp;', '"', "'", '</bpmn:process>', '<bpmn:task id="t"/>', ']]>', '<!--', '<![CDATA[', '\u0000', '\uFFFF', '\u{1F600}', 'é', '=', '${x}', '=x >'),
  fc.constantFrom('__proto__', 'constructor', 'frobnicateTask', 'bpmn:frobnicate', 'zeebe:taskDefinition', '1bad id', 'ïd', ''),
);

/** A random edit (see `XmlMutation`). */
export const xmlMutation: fc.Arbitrary<XmlMutation> = fc.record({
  kind: fc.constantFrom('truncate', 'insert', 'dropAttribute', 'duplicateAttribute', 'renameAttribute', 'setAttribute', 'dropElement', 'duplicateElement', 'renameElement', 'dropEndTag'),
  pick: fc.nat(),
  text: junk,
});

const attributePattern = /\s([\w:.-]+)="([^"]*)"/g;
const emptyElementPattern = /<([\w:.-]+)(\s[^<>]*)?\/>/g;
const startTagPattern = /<([\w:.-]+)(\s[^<>]*)?>/g;
const endTagPattern = /<\/([\w:.-]+)>/g;

function nth(xml: string, pattern: RegExp, pick: number): RegExpExecArray | undefined {
  const all = [...xml.matchAll(pattern)];
  return all.length === 0 ? undefined : all[pick % all.length];
}

function splice(xml: string, at: number, removed: number, inserted: string): string {
  return xml.slice(0, at) + inserted + xml.slice(at + removed);
}

/** Applies one edit; a text with nothing to edit comes back unchanged. */
export function mutateXml(xml: string, mutation: XmlMutation): string {
  const { pick, text } = mutation;
  switch (mutation.kind) {
    case 'truncate':
      return xml.slice(0, pick % (xml.length + 1));
    case 'insert':
      return splice(xml, pick % (xml.length + 1), 0, text);
    case 'dropAttribute':
    case 'duplicateAttribute':
    case 'renameAttribute':
    case 'setAttribute': {
      const match = nth(xml, attributePattern, pick);
      if (match === undefined) return xml;
      const [whole, name] = match;
      const replacement = {
        dropAttribute: '',
        duplicateAttribute: `${whole}${whole}`,
        renameAttribute: ` ${text.replace(/[\s="<>]/g, '') || 'x'}="${match[2] ?? ''}"`,
        setAttribute: ` ${name ?? 'x'}="${text.replace(/"/g, '&quot;')}"`,
      }[mutation.kind];
      return splice(xml, match.index, whole.length, replacement);
    }
    case 'dropElement':
    case 'duplicateElement': {
      const match = nth(xml, emptyElementPattern, pick);
      if (match === undefined) return xml;
      return splice(xml, match.index, match[0].length, mutation.kind === 'dropElement' ? '' : `${match[0]}${match[0]}`);
    }
    case 'renameElement': {
      const match = nth(xml, startTagPattern, pick);
      if (match === undefined) return xml;
      const name = match[1] ?? '';
      const renamed = `${name.includes(':') ? name.slice(0, name.indexOf(':') + 1) : ''}${text.replace(/[^\w.-]/g, '') || 'frobnicate'}`;
      const closed = xml.indexOf(`</${name}>`, match.index);
      const withEnd = closed < 0 ? xml : splice(xml, closed, name.length + 3, `</${renamed}>`);
      return splice(withEnd, match.index, name.length + 1, `<${renamed}`);
    }
    case 'dropEndTag': {
      const match = nth(xml, endTagPattern, pick);
      return match === undefined ? xml : splice(xml, match.index, match[0].length, '');
    }
  }
}

/** One of `sources`, edited one to three times. */
export function mutatedXml(sources: readonly string[]): fc.Arbitrary<{ source: number; mutations: XmlMutation[]; xml: string }> {
  return fc.record({ source: fc.nat({ max: sources.length - 1 }), mutations: fc.array(xmlMutation, { minLength: 1, maxLength: 3 }) }).map(({ source, mutations }) => ({
    source,
    mutations,
    xml: mutations.reduce(mutateXml, sources[source] ?? ''),
  }));
}
