// Placeholder until the DOCX renderer lands.
export {}
