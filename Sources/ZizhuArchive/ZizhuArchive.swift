// ZizhuArchive module: the archive of paid batches.
