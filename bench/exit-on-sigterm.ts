// Loaded into each benchmarked server: exit normally on SIGTERM so --cpu-prof can write its file.
process.on("SIGTERM", () => process.exit(0));
