"""Deterministic sample data for a fictional gemeente, with known true effects.

Same layer as ``ingest`` (depends on ``domain`` only). ``generate`` builds frames;
``workbook`` writes them as Excel files the importer accepts as they are.
"""
