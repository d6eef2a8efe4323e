# Warnings for volley's own targets; -ffp-contract=off keeps the compiler from fusing a*b+c
# into an FMA, which would make floating-point results depend on the ISA target.
add_library(volley_options INTERFACE)
target_compile_options(volley_options INTERFACE "$<$<COMPILE_LANGUAGE:CXX>:-Wall;-Wextra;-ffp-contract=off>")
