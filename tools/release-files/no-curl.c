/*
 * The release binary's libcurl: every function fails, nothing is downloaded.
 *
 * Why: Foundation's URLSession (FoundationNetworking) is linked in because
 * FlyingFox's ProxyHTTPHandler refers to it, and with --static-swift-stdlib it
 * asks for -lcurl. Citywide never makes an HTTP request (serve is FlyingFox's
 * server, not URLSession), and a real libcurl cannot be linked statically from
 * Debian (its Kerberos and LDAP have no .a) nor shared (the release may need
 * only the C library family). So tools/release links this instead, as
 * libcurl.a: no code of Citywide reaches it, and if any ever did, curl_easy_init
 * and curl_multi_init return NULL and every other call an error code.
 */
#include <stddef.h>

enum { CURLE_FAILED_INIT = 2, CURLM_INTERNAL_ERROR = 4, CURLUE_OUT_OF_MEMORY = 7 };

int curl_global_init(long flags) { (void)flags; return CURLE_FAILED_INIT; }
void *curl_easy_init(void) { return NULL; }
void curl_easy_cleanup(void *handle) { (void)handle; }
int curl_easy_setopt(void *handle, int option, ...) { (void)handle; (void)option; return CURLE_FAILED_INIT; }
int curl_easy_getinfo(void *handle, int info, ...) { (void)handle; (void)info; return CURLE_FAILED_INIT; }
int curl_easy_pause(void *handle, int bitmask) { (void)handle; (void)bitmask; return CURLE_FAILED_INIT; }
const char *curl_easy_strerror(int code) { (void)code; return "this citywide was built without an HTTP client"; }
void *curl_multi_init(void) { return NULL; }
int curl_multi_cleanup(void *multi) { (void)multi; return CURLM_INTERNAL_ERROR; }
int curl_multi_add_handle(void *multi, void *easy) { (void)multi; (void)easy; return CURLM_INTERNAL_ERROR; }
int curl_multi_remove_handle(void *multi, void *easy) { (void)multi; (void)easy; return CURLM_INTERNAL_ERROR; }
int curl_multi_assign(void *multi, int socket, void *pointer) { (void)multi; (void)socket; (void)pointer; return CURLM_INTERNAL_ERROR; }
int curl_multi_setopt(void *multi, int option, ...) { (void)multi; (void)option; return CURLM_INTERNAL_ERROR; }
int curl_multi_socket_action(void *multi, int socket, int mask, int *running) {
    (void)multi; (void)socket; (void)mask;
    if (running) *running = 0;
    return CURLM_INTERNAL_ERROR;
}
void *curl_multi_info_read(void *multi, int *left) { (void)multi; if (left) *left = 0; return NULL; }
void *curl_slist_append(void *list, const char *text) { (void)list; (void)text; return NULL; }
void curl_slist_free_all(void *list) { (void)list; }
void *curl_url(void) { return NULL; }
int curl_url_set(void *url, int part, const char *content, unsigned int flags) { (void)url; (void)part; (void)content; (void)flags; return CURLUE_OUT_OF_MEMORY; }
int curl_url_get(void *url, int part, char **content, unsigned int flags) { (void)url; (void)part; (void)flags; if (content) *content = NULL; return CURLUE_OUT_OF_MEMORY; }
void curl_free(void *pointer) { (void)pointer; }
char *curl_version(void) { return (char *)"none"; }
void *curl_version_info(int age) { (void)age; return NULL; }
