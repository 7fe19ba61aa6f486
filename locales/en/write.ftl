# Messages of trame write and trame sync.
