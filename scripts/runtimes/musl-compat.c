/*
 * Lets a musl process load Debian's libstdc++ and libgcc_s, which were built
 * against glibc: the seven glibc-only symbols they import, nothing else. Bun's
 * musl build needs a libstdc++.so.6, and Debian ships none built for musl
 * (Alpine's comes from its own package). Built with musl-gcc under the soname
 * ld-linux-x86-64.so.2, the glibc loader those libraries name as a dependency.
 */
#include <locale.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/random.h>
#include <time.h>

/* 0: libstdc++ keeps its atomic reference counts, right for any process. */
char __libc_single_threaded = 0;

/* libgcc_s asks for CPU features only to pick faster paths; none is claimed. */
struct { unsigned vendor, type, subtype, features[1]; } __cpu_model;
int __cpu_indicator_init(void) { return 0; }

/* Not found: the unwinder falls back to dl_iterate_phdr, which musl has. */
int _dl_find_object(void *address, void *result) { (void)address, (void)result; return -1; }

uint32_t arc4random(void) {
  uint32_t value = 0;
  while (getrandom(&value, sizeof value, 0) != sizeof value) {}
  return value;
}

size_t __strftime_l(char *out, size_t size, const char *format, const struct tm *time, locale_t locale) {
  return strftime_l(out, size, format, time, locale);
}

/* Destructors of thread_local objects, run when the thread ends. */
struct destructor { void (*run)(void *); void *object; struct destructor *next; };
static pthread_key_t destructors;
static pthread_once_t destructors_once = PTHREAD_ONCE_INIT;

static void run_destructors(void *list) {
  for (struct destructor *next, *entry = list; entry; entry = next) {
    next = entry->next;
    entry->run(entry->object);
    free(entry);
  }
}

static void make_key(void) { pthread_key_create(&destructors, run_destructors); }

int __cxa_thread_atexit_impl(void (*run)(void *), void *object, void *dso) {
  (void)dso;
  pthread_once(&destructors_once, make_key);
  struct destructor *entry = malloc(sizeof *entry);
  if (!entry) return -1;
  *entry = (struct destructor){ run, object, pthread_getspecific(destructors) };
  return pthread_setspecific(destructors, entry);
}
