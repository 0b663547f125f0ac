"""Use cases: the only layer that combines the store with ingest, estimate, value
and report. The CLI and the Streamlit pages call these functions and nothing
below them."""
