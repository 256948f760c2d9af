// libFuzzer target: raw bytes from a client, through the connection guard, QHttpServer's
// parser, routing, authentication, validation and the engine. The input is written on a fresh
// loopback connection, which is then half-closed; the target waits for the server to close.
#include "FuzzHarness.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Fuzz::start();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::exchange(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)), true);
    return 0;
}
