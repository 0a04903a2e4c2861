// ZizhuImport module.
