# Compiles contract_device.cu with nvcc (NVCC; empty when there is none: then the test says
# so and ctest marks it skipped).
if(NOT NVCC)
  message("nvcc not found: the CUDA device-code check of the contract headers is skipped")
  return()
endif()
execute_process(COMMAND ${NVCC} -std=c++20 -arch=sm_90 -fmad=false -I${INCLUDE} -c ${SOURCE} -o ${OUTPUT}
                RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "nvcc failed (${code}):\n${out}")
endif()
