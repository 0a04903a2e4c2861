// ZizhuGenerate module.
