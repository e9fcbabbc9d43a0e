{
  "targets": [
    {
      "target_name": "fcaddon",
      "sources": ["addon.c"],
      "libraries": ["-lpthread"]
    }
  ]
}
