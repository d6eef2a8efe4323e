// Calls volley through a shared object that links it in; exits non-zero unless it agrees.
#include <cstdio>

extern "C" int volley_plugin_check();

int main() {
  const int failed = volley_plugin_check();
  std::printf("volley in a shared object: %s\n", failed ? "wrong answers" : "ok");
  return failed;
}
