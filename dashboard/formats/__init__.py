"""Files in and out: records, JSON, CSV, TimelineJS, chart files, slides, standalone HTML, images."""
