// ZizhuExport module.
