// Preloaded into the GUI tests of the `asan` build only (see cmake/Sanitizers.cmake): dlclose()
// leaves every library loaded. Mesa's llvmpipe driver (swrast_dri.so) is unloaded when the
// window's GL display closes; LeakSanitizer, which checks at exit, then finds the driver's
// still-reachable globals as leaks in "<unknown module>", where no suppression can name them.
// Kept loaded, they are reachable and not reported, and anything our code leaks still is.
extern "C" int dlclose(void* /*handle*/) { return 0; }
