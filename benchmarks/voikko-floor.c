/* libvoikko's own cost per distinct word form, without SosRap: analyse every word of a
 * one-word-per-line file three times (bare call; + BASEFORM; + every attribute).
 *   gcc -O2 benchmarks/voikko-floor.c -o /tmp/voikko-floor /usr/lib/x86_64-linux-gnu/libvoikko.so.1
 *   /tmp/voikko-floor WORDS.txt */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
struct VoikkoHandle; struct voikko_mor_analysis;
extern struct VoikkoHandle* voikkoInit(const char**, const char*, const char*);
extern struct voikko_mor_analysis** voikkoAnalyzeWordCstr(struct VoikkoHandle*, const char*);
extern void voikko_free_mor_analysis(struct voikko_mor_analysis**);
extern const char** voikko_mor_analysis_keys(const struct voikko_mor_analysis*);
extern char* voikko_mor_analysis_value_cstr(const struct voikko_mor_analysis*, const char*);
extern void voikko_free_mor_analysis_value_cstr(char*);
static double now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
int main(int argc,char**argv){const char*err;struct VoikkoHandle*h=voikkoInit(&err,"fi",NULL);
 char *words[20000]; int n=0; char buf[256]; FILE*f=fopen(argv[1],"r"); while(n<20000&&fgets(buf,256,f)){buf[strcspn(buf,"\n")]=0; if(*buf) words[n++]=strdup(buf);} 
 double t0=now(); long na=0; for(int i=0;i<n;i++){struct voikko_mor_analysis**a=voikkoAnalyzeWordCstr(h,words[i]); for(int j=0;a&&a[j];j++)na++; voikko_free_mor_analysis(a);} double t1=now();
 for(int i=0;i<n;i++){struct voikko_mor_analysis**a=voikkoAnalyzeWordCstr(h,words[i]); for(int j=0;a&&a[j];j++){char*v=voikko_mor_analysis_value_cstr(a[j],"BASEFORM"); if(v) voikko_free_mor_analysis_value_cstr(v);} voikko_free_mor_analysis(a);} double t2=now();
 for(int i=0;i<n;i++){struct voikko_mor_analysis**a=voikkoAnalyzeWordCstr(h,words[i]); for(int j=0;a&&a[j];j++){const char**k=voikko_mor_analysis_keys(a[j]); for(;*k;k++){char*v=voikko_mor_analysis_value_cstr(a[j],*k); if(v) voikko_free_mor_analysis_value_cstr(v);}} voikko_free_mor_analysis(a);} double t3=now();
 printf("n=%d analyses=%ld analyze-only %.2f us/word, +BASEFORM %.2f, +all keys %.2f\n",n,na,(t1-t0)/n*1e6,(t2-t1)/n*1e6,(t3-t2)/n*1e6);}
