/**
 * The add-in's manifest for a given address. manifest.xml in the repository points at the
 * development server (https://localhost:3000); a build for staff takes the address the add-in is
 * served from in ADDIN_BASE_URL and writes it into every URL of the manifest. The XML is parsed
 * and rebuilt (fast-xml-parser), never edited as text.
 */
const { XMLParser, XMLBuilder } = require('fast-xml-parser');

const DEVELOPMENT_BASE = 'https://localhost:3000';
const OPTIONS = { ignoreAttributes: false, preserveOrder: true, commentPropName: '#comment', attributeNamePrefix: '@_', suppressEmptyNode: true, format: true, indentBy: '  ' };

/** The address from ADDIN_BASE_URL: https, no query or fragment, no trailing slash; the development server when unset. */
function baseUrlFrom(env = process.env) {
  const given = env.ADDIN_BASE_URL;
  if (!given) return { base: DEVELOPMENT_BASE, development: true };
  let url;
  try {
    url = new URL(given);
  } catch {
    throw new Error(`ADDIN_BASE_URL is not an address: "${given}" (example: https://example.gov.vn/phuluc)`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_BASE_URL must be https (Office loads add-ins only over HTTPS): "${given}"`);
  if (url.search || url.hash) throw new Error(`ADDIN_BASE_URL must not have a query or fragment: "${given}"`);
  return { base: `${url.origin}${url.pathname.replace(/\/+$/, '')}`, development: false };
}

/** Rewrites a value that starts with the development address; an AppDomain takes only the origin. */
function rebase(value, base, originOnly) {
  if (typeof value !== 'string' || !value.startsWith(DEVELOPMENT_BASE)) return value;
  return originOnly ? new URL(base).origin : base + value.slice(DEVELOPMENT_BASE.length);
}

function walk(nodes, base) {
  for (const node of nodes) {
    const attributes = node[':@'];
    if (attributes) for (const name of Object.keys(attributes)) attributes[name] = rebase(attributes[name], base, false);
    for (const [tag, children] of Object.entries(node)) {
      if (tag === ':@' || !Array.isArray(children)) continue;
      for (const child of children) if ('#text' in child) child['#text'] = rebase(child['#text'], base, tag === 'AppDomain');
      walk(children, base);
    }
  }
}

/** The manifest with every development URL pointing at `base` instead. */
function manifestFor(xml, base) {
  const tree = new XMLParser(OPTIONS).parse(xml);
  walk(tree, base);
  return new XMLBuilder(OPTIONS).build(tree);
}

module.exports = { DEVELOPMENT_BASE, baseUrlFrom, manifestFor };
