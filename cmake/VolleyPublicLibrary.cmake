# volley_public_library(TARGET BASE HEADER): what every installed volley library shares. A
# shared build gets a versioned SONAME (libX.so.MAJOR -> MAJOR.MINOR.PATCH) and exports only
# what BASE_API marks in the generated HEADER (volley/HEADER under generated/): hidden
# visibility by default, and nothing of the static archives linked into it (the kernels,
# Highway). A static build hides its symbols too, so that nothing is exported from a shared
# object it is linked into.
include(GenerateExportHeader)
function(volley_public_library target base header)
  set_target_properties(${target} PROPERTIES VERSION ${PROJECT_VERSION} SOVERSION ${PROJECT_VERSION_MAJOR}
                        CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
  generate_export_header(${target} BASE_NAME ${base} EXPORT_MACRO_NAME ${base}_API
                         EXPORT_FILE_NAME ${PROJECT_BINARY_DIR}/generated/volley/${header})
  get_target_property(type ${target} TYPE)
  if(type STREQUAL "STATIC_LIBRARY")
    target_compile_definitions(${target} PRIVATE ${base}_STATIC_DEFINE)
  else()
    target_link_options(${target} PRIVATE "LINKER:--exclude-libs,ALL")
  endif()
endfunction()
