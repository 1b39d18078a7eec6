"""The article's catalog: immutable records, loading and validation, library views, pay scale."""
