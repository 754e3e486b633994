#!/usr/bin/python3
"""The baseline of bench_connections.cpp: pymodbus's own synchronous client reading the same
22 holding registers in one request, back to back, and decoding the same ten values with
struct. Usage: pymodbus_baseline.py PORT SECONDS"""
import struct
import sys
import time

from pymodbus.client import ModbusTcpClient

LAYOUT = [(0, "h", "big"), (1, "H", "big"), (2, "i", "big"), (4, "i", "little"), (6, "I", "big"),
          (8, "I", "little"), (10, "f", "big"), (12, "f", "little"), (14, "d", "big"), (18, "d", "little")]


def decode(regs):
    out = []
    for address, fmt, order in LAYOUT:
        width = struct.calcsize(fmt) // 2
        words = regs[address:address + width]
        if order == "little":
            words = list(reversed(words))
        out.append(struct.unpack(">" + fmt, struct.pack(">%dH" % width, *words))[0])
    return out


def main(port, seconds):
    client = ModbusTcpClient("127.0.0.1", port=port)
    client.connect()
    reads = 0
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        response = client.read_holding_registers(0, 22)
        if response.isError():
            sys.exit("read failed: %s" % response)
        decode(response.registers)
        reads += 1
    elapsed = time.monotonic() - start
    client.close()
    print("pymodbus registers/s %.0f (requests %d, %.2f s)" % (reads * 22 / elapsed, reads, elapsed))


if __name__ == "__main__":
    main(int(sys.argv[1]), float(sys.argv[2]))
