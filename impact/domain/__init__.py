"""Pure value objects and rules: instruments, area codes, BSN detection,
pseudonymisation and small-cell suppression. No I/O, no database."""
