"""Layout builders: functions returning component trees (no callbacks, no I/O)."""
