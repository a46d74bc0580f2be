module example.com/shipwell/sample

go 1.19
