// The documents clients are generated from (the OpenAPI 3.0.3 renderings that `npm run generate`
// writes for swagger-codegen, the 3.1 bundles for generators that read them), with the package
// name each client gets in each language.

export interface ClientDocument {
  /** The folder of its clients: build/clients/<language>/<name>/. */
  name: 'platform' | 'partner' | 'gbt43960';
  /** The 3.0.3 rendering, relative to the repository. */
  spec: string;
  /** The OpenAPI 3.1 bundle, relative to the repository. */
  bundle: string;
  python: string;
  go: string;
  java: string;
  /**
   * Why `go vet` runs without its structtag check on this document's Go client, when it must.
   * swagger-codegen turns a oneOf into a Go struct embedding every alternative; alternatives that
   * share a JSON field then clash, which vet reports and encoding/json resolves by dropping the
   * field. The spec change that removes the oneOf is proposed, not made; until then the rest of
   * vet still runs, and the clash is said in every result line.
   */
  goVetWithoutStructtag?: string;
}

export const DOCUMENTS: readonly ClientDocument[] = [
  { name: 'platform', spec: 'generated/cheaa-c2c/platform.openapi-3.0.json', bundle: 'generated/cheaa-c2c/platform.openapi.json', python: 'cheaa_platform', go: 'cheaaplatform', java: 'org.cloudinterop.cheaa.platform' },
  { name: 'partner', spec: 'generated/cheaa-c2c/partner.openapi-3.0.json', bundle: 'generated/cheaa-c2c/partner.openapi.json', python: 'cheaa_partner', go: 'cheaapartner', java: 'org.cloudinterop.cheaa.partner', goVetWithoutStructtag: 'DataGatewayReport is a oneOf of the three report kinds' },
  { name: 'gbt43960', spec: 'generated/gbt43960/openapi-3.0.json', bundle: 'generated/gbt43960/openapi.json', python: 'gbt43960_client', go: 'gbt43960', java: 'org.cloudinterop.gbt43960', goVetWithoutStructtag: 'every reply is a oneOf of its success and Failure' },
];

/** The document the standard's main flow runs on. */
export const PLATFORM_DOCUMENT: ClientDocument = DOCUMENTS[0]!;
