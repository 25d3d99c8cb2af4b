// Placeholder until the PDF renderer lands.
export {}
