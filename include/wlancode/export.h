/* Symbol visibility for the wlancode shared and static libraries. */
#ifndef WLANCODE_EXPORT_H
#define WLANCODE_EXPORT_H

#if defined(WLANCODE_STATIC_DEFINE)
#define WLANCODE_API
#elif defined(_WIN32)
#ifdef WLANCODE_BUILDING
#define WLANCODE_API __declspec(dllexport)
#else
#define WLANCODE_API __declspec(dllimport)
#endif
#else
#define WLANCODE_API __attribute__((visibility("default")))
#endif

#endif
