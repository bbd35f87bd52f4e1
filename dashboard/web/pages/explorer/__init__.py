"""The explorer (/): filters, the two charts, the table and the details panel."""
