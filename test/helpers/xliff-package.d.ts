// The npm `xliff` package ships no types; this is the part the tests use.
declare module 'xliff/xliff2js' {
  interface XliffJs {
    xliffVersion?: string
    sourceLanguage: string
    targetLanguage?: string
    resources: Record<string, Record<string, unknown>>
  }
  export default function xliff2js(xml: string): Promise<XliffJs>
}
