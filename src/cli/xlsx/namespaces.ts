/** The XML namespaces and the declaration of the parts PhuLuc writes into a package. */
export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const PACKAGE_RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A relationships part holding these relationship elements. */
export const relationshipsXml = (relationships: string) => `${XML_HEAD}<Relationships xmlns="${PACKAGE_RELATIONSHIPS_NS}">${relationships}</Relationships>`;
