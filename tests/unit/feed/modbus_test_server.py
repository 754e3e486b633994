#!/usr/bin/python3
"""A Modbus TCP server for the ModbusPoller tests, on pymodbus (an implementation nobody here
wrote): a known register map in every type and both word orders, encoded with Python's struct,
not with our decoder. Usage: modbus_test_server.py PORT. modbus_poller_test.cpp expects the
values of MAP below.
"""
import asyncio
import struct
import sys

from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
from pymodbus.server import StartAsyncTcpServer

# (address, struct format, word order, value); formats: h int16, H uint16, i int32, I uint32,
# f float32, d float64.
HOLDING = [
    (0, "h", "big", -1234),
    (1, "H", "big", 54321),
    (2, "i", "big", -123456789),
    (4, "i", "little", -123456789),
    (6, "I", "big", 3000000000),
    (8, "I", "little", 3000000000),
    (10, "f", "big", 230.5),
    (12, "f", "little", 49.98),
    (14, "d", "big", 12345.678901),
    (18, "d", "little", -0.000123),
    (30, "H", "big", 1),      # read as a boolean register; 22-29 unmapped, read through
    (200, "H", "big", 777),   # far away: a request of its own
    (240, "f", "big", float("nan")),  # a meter's "no reading": no number to hand on
]
# 52, 54: a meter's float32 watts and volts as QA recorded them (cli_connections_test.sh: ingest
# stores them to the tags' decimals).
INPUT = [(0, "f", "big", 400.25), (2, "h", "big", -5), (52, "f", "big", 1850109.0), (54, "f", "big", 228.58367919921875)]
COILS = {0: 1, 1: 0, 5: 1}
DISCRETE = {3: 1}


def words(fmt, order, value):
    raw = struct.pack(">" + fmt, value)
    out = [struct.unpack(">H", raw[i:i + 2])[0] for i in range(0, len(raw), 2)]
    return out if order == "big" else list(reversed(out))


def block(entries, size=256):
    regs = [0] * size
    for address, fmt, order, value in entries:
        for i, word in enumerate(words(fmt, order, value)):
            regs[address + i] = word
    return ModbusSequentialDataBlock(0, regs)


def bits(values, size=64):
    out = [0] * size
    for address, value in values.items():
        out[address] = value
    return ModbusSequentialDataBlock(0, out)


async def main(port):
    slave = ModbusSlaveContext(di=bits(DISCRETE), co=bits(COILS), hr=block(HOLDING), ir=block(INPUT), zero_mode=True)
    context = ModbusServerContext(slaves=slave, single=True)
    await StartAsyncTcpServer(context=context, address=("127.0.0.1", port))


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1])))
