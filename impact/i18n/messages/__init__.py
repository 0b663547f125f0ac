"""Message catalogues, one module per area; see :mod:`impact.i18n`."""
