# volley_tristate(NAME DOC): a cache option that is AUTO (the default), ON or OFF, and
# nothing else, for the optional parts that are found when present.
function(volley_tristate name doc)
  set(${name} AUTO CACHE STRING "${doc}: AUTO, ON or OFF")
  set_property(CACHE ${name} PROPERTY STRINGS AUTO ON OFF)
  if(NOT ${name} MATCHES "^(AUTO|ON|OFF)$")
    message(FATAL_ERROR "${name} must be AUTO, ON or OFF, not '${${name}}'")
  endif()
endfunction()
