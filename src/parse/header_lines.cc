// Placeholder, replaced by the header stream.
