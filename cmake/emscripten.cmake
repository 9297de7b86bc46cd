# Emscripten does not search /usr/include: give it a folder holding only links to the header-only
# libraries Wakeline uses (Debian's libasio-dev and nlohmann-json3-dev).
set(WAKELINE_WASM_INCLUDE ${CMAKE_BINARY_DIR}/wasm-include)
file(MAKE_DIRECTORY ${WAKELINE_WASM_INCLUDE})
foreach(entry asio asio.hpp nlohmann)
  if(NOT EXISTS ${WAKELINE_WASM_INCLUDE}/${entry})
    file(CREATE_LINK /usr/include/${entry} ${WAKELINE_WASM_INCLUDE}/${entry} SYMBOLIC)
  endif()
endforeach()

add_library(wakeline_wasm_deps INTERFACE)
target_include_directories(wakeline_wasm_deps SYSTEM INTERFACE ${WAKELINE_WASM_INCLUDE})
# No threads in the browser; real exceptions (catch must work: tasks that throw end as failed).
target_compile_definitions(wakeline_wasm_deps INTERFACE ASIO_DISABLE_THREADS)
target_compile_options(wakeline_wasm_deps INTERFACE -fwasm-exceptions)
target_link_options(wakeline_wasm_deps INTERFACE -fwasm-exceptions)
