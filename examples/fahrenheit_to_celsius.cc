// Fahrenheit to Celsius over 50 values: each task converts one chunk as an Eigen array.
#include <Eigen/Dense>
#include <cstdio>
#include <sstream>
#include <volley/volley.hpp>

int main() {
  std::vector<Eigen::ArrayXd> chunks;
  for (int start = 0; start < 50; start += 10) chunks.push_back(Eigen::ArrayXd::LinSpaced(10, 32 + 20 * start, 32 + 20 * (start + 9)));
  const auto celsius = volley::Pool(4).map([](const Eigen::ArrayXd& f) -> Eigen::ArrayXd { return (f - 32.0) * 5.0 / 9.0; }, chunks);
  for (const auto& c : celsius) std::printf("%s\n", (std::ostringstream() << c.transpose()).str().c_str());
  // 32 F is 0 C; the last value is 32 + 20 * 49 = 1012 F.
  return celsius.front()(0) == 0.0 && celsius.back()(9) == (1012.0 - 32.0) * 5.0 / 9.0 ? 0 : 1;
}
