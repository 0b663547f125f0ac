"""Chart functions returning ``alt.Chart``, used by the app and by the reports.

Inputs are tidy pandas frames with the columns each function documents; axis
titles and labels come from :mod:`impact.i18n` in the current (or given) language.
"""
