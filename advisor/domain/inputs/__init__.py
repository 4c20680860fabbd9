"""Reading what users hand us (profiles, knowledge files, records) safely, and writing files atomically."""
