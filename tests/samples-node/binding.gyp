{
  "targets": [
    {
      "target_name": "fcaddon",
      "sources": ["addon.c"],
      "libraries": ["-lpthread"]
    },
    {
      # C++17 with exceptions: node's common.gypi compiles addons with -fno-exceptions and
      # -std=gnu++17; the "!" suffix removes those flags from the inherited list.
      "target_name": "fccxx",
      "sources": ["cxxaddon.cc"],
      "cflags_cc!": ["-fno-exceptions", "-std=gnu++17"],
      "cflags_cc": ["-fexceptions", "-std=c++17"]
    }
  ]
}
