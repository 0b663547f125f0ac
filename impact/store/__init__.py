"""Persistence: SQLModel tables, the engine, and repository functions.

Every query lives here and takes the organisation explicitly; no page or service
builds its own unscoped query.
"""
