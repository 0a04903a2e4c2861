// ZizhuXLSX module.
